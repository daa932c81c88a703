import { create } from 'zustand';

type Overlay = 'palette' | 'help' | null;

interface OverlayState {
  open: Overlay;
  show: (overlay: Overlay) => void;
}

/** Which global overlay (command palette, shortcut help) is open: UI state only. */
export const useOverlayStore = create<OverlayState>((set) => ({
  open: null,
  show: (open) => set({ open }),
}));
