import { useMemo } from 'react';
import type { Me } from '@shared/contracts/auth';
import type { Permission } from '@shared/domain/permissions';
import { useMe } from '../api/get-me';

/** The signed-in user and a permission test. Use inside the signed-in part of the app only. */
export function useSession(): { user: Me; can: (permission: Permission) => boolean } {
  const { data } = useMe();
  const permissions = data?.user.permissions;
  const can = useMemo(() => {
    const set = new Set<Permission>(permissions ?? []);
    return (permission: Permission) => set.has(permission);
  }, [permissions]);
  if (!data) throw new Error('useSession outside a signed-in route');
  return { user: data.user, can };
}
