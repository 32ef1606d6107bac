export * from './api-keys';
export * from './applications';
export * from './staff';
export * from './feedback';
export * from './research';
export * from './topicality';
export * from './calibration';
