import { StaffPrincipal } from '../common/staff-access';
import { Actor, ActorType } from '../audit/audit.types';

export function staffActor(staff: Pick<StaffPrincipal, 'id' | 'email'>): Actor {
  return { type: ActorType.Staff, id: staff.id, email: staff.email };
}
