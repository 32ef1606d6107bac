import { dropTemplateDatabase } from './template-database';
import { TEMPLATE_VARIABLE } from './warden';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_VARIABLE];
  if (name) {
    await dropTemplateDatabase(name);
  }
}
