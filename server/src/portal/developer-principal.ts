import { Actor, ActorType } from '../audit/audit.types';

/** The signed-in developer a portal request acts as; everything they reach is scoped to their organization. */
export interface DeveloperPrincipal {
  id: string;
  email: string;
  organizationId: string;
  sessionFamilyId: string;
}

export function developerActor(developer: Pick<DeveloperPrincipal, 'id' | 'email'>): Actor {
  return { type: ActorType.Developer, id: developer.id, email: developer.email };
}
