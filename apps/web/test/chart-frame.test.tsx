import { act } from 'react';
import { CHART_PALETTES, heatmapColour, heatmapLevel, niceMax } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { applyTheme } from '@/modules/ui/theme';
import { render } from './render';

async function renderFrame(heading?: 'h2') {
  return render(
    <ChartFrame
      id="burndown-s1"
      title="Burndown of Sprint 1"
      heading={heading}
      description="8 points committed; 5 of 8 points remain on May 7."
      legend={[
        { label: 'Remaining', role: 'primary', shape: 'line' },
        { label: 'Committed', role: 'secondary', shape: 'bar' },
      ]}
      numbers={{
        caption: 'Burndown of Sprint 1: day by day',
        columns: ['Day', 'Remaining points'],
        rows: [
          { key: 'd1', header: 'May 6', cells: [8] },
          { key: 'd2', header: 'May 7', cells: [5] },
        ],
      }}
    >
      <svg data-testid="plot" />
    </ChartFrame>,
  );
}

describe('the chart frame', () => {
  afterEach(() => document.documentElement.classList.remove('dark'));

  it('names and describes the chart as one image around the plot', async () => {
    const { container, unmount } = await renderFrame();
    const image = container.querySelector('[role="img"]')!;
    const text = (attribute: string) =>
      image
        .getAttribute(attribute)!
        .split(' ')
        .map((id) => container.querySelector(`[id="${id}"]`)!.textContent)
        .join(' ');
    expect(text('aria-labelledby')).toBe('Burndown of Sprint 1');
    expect(text('aria-describedby')).toBe('8 points committed; 5 of 8 points remain on May 7.');
    expect(image.querySelector('[data-testid="plot"]')).not.toBeNull();
    await unmount();
  });

  it('shows its title as the heading asked for, which names the image', async () => {
    const { container, unmount } = await renderFrame('h2');
    const heading = container.querySelector('h2')!;
    expect(heading.textContent).toBe('Burndown of Sprint 1');
    expect(heading.hidden).toBe(false);
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(container.querySelectorAll('[id="burndown-s1-title"]')).toHaveLength(1);
    await unmount();
  });

  it('keeps its title out of sight when the page heads the chart itself', async () => {
    const { container, unmount } = await renderFrame();
    expect(container.querySelector('h2, h3')).toBeNull();
    await unmount();
  });

  it('shows the numbers as a table with a caption, column and row headers', async () => {
    const { container, unmount } = await renderFrame();
    expect(container.querySelector('summary')!.textContent).toBe('Show the numbers');
    const table = container.querySelector('details table')!;
    expect(table.querySelector('caption')!.textContent).toBe('Burndown of Sprint 1: day by day');
    expect([...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).toEqual([
      'Day',
      'Remaining points',
    ]);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['May 68', 'May 75']);
    await unmount();
  });

  it("draws the legend in the theme's palette and follows a switch to dark mode", async () => {
    const { container, unmount } = await renderFrame();
    const swatch = () => container.querySelector<HTMLElement>('figcaption [aria-hidden]')!;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(swatch().style.borderColor).toBe(rgb(CHART_PALETTES.light.series.primary));
    act(() => applyTheme('dark'));
    expect(swatch().style.borderColor).toBe(rgb(CHART_PALETTES.dark.series.primary));
    await unmount();
  });
});

describe('chart scales', () => {
  it('rounds the y axis up to four round steps', () => {
    expect(niceMax(3)).toBe(4);
    expect(niceMax(8)).toBe(8);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(40);
    expect(niceMax(130)).toBe(200);
  });

  it('puts heatmap values on five steps, empty for nothing and the darkest for the maximum', () => {
    expect([0, 1, 3, 5, 8, 10].map((v) => heatmapLevel(v, 10))).toEqual([0, 1, 2, 2, 4, 4]);
    expect(heatmapLevel(3, 0)).toBe(0);
    expect(heatmapColour(CHART_PALETTES.dark, 10, 10)).toBe(CHART_PALETTES.dark.heatmap[4]);
  });
});
