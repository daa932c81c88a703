'use client';

import { useSyncExternalStore } from 'react';
import { currentTheme, subscribeTheme, type Theme } from '@/modules/ui/theme';
import { CHART_PALETTES, type ChartPalette } from '../chart-palette';

/** The palette of the theme in use; a chart re-renders in the other one when the theme is switched. */
export function useChartPalette(): ChartPalette {
  const theme = useSyncExternalStore<Theme>(subscribeTheme, currentTheme, () => 'light');
  return CHART_PALETTES[theme];
}
