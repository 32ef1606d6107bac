import { Actor, ActorType } from '../audit/audit.types';
import { StaffRole } from './staff-user.entity';

/** The signed-in staff member a request acts as. */
export interface StaffPrincipal {
  id: string;
  email: string;
  role: StaffRole;
  sessionFamilyId: string;
}

export function staffActor(staff: Pick<StaffPrincipal, 'id' | 'email'>): Actor {
  return { type: ActorType.Staff, id: staff.id, email: staff.email };
}
