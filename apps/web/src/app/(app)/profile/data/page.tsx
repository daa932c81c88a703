import type { Metadata } from 'next';
import { YourDataPage } from '@/modules/profile/components/your-data-page';

export const metadata: Metadata = { title: 'Your data · TeamFlow' };

export default function Page() {
  return <YourDataPage />;
}
