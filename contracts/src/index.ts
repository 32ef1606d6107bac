export * from './api-keys';
export * from './applications';
export * from './staff';
export * from './monitoring';
export * from './moderation';
