import type { Metadata } from 'next';
import { NotificationsPage } from '@/modules/notifications/components/notifications-page';

export const metadata: Metadata = { title: 'Notifications · TeamFlow' };

export default function Page() {
  return <NotificationsPage />;
}
