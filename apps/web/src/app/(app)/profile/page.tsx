import { ProfilePage } from '@/modules/profile/components/profile-page';

export default function Profile() {
  return <ProfilePage />;
}
