export * from './AppBar';
export * from './authProvider';
export * from './dates';
export * from './EnumChipField';
export * from './enums';
export * from './Panel';
export * from './session';
export * from './theme';
