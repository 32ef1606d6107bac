import { createTemplateDatabase } from './template-database';
import { TEMPLATE_VARIABLE } from './warden';

export default async function globalSetup(): Promise<void> {
  const name = await createTemplateDatabase();
  if (name) {
    // Workers (and, in band, the suites themselves) inherit the environment of the process that runs this.
    process.env[TEMPLATE_VARIABLE] = name;
  }
}
