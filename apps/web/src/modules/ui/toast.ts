import { useToastStore, type ToastMessage } from './stores/toast-store';

/** Shows a toast from anywhere, React or not (mutation callbacks): the toaster reads the store. */
export const showToast = (toast: Omit<ToastMessage, 'id'>): void => useToastStore.getState().show(toast);
