/**
 * The contracts workspace, as the server sees it. The root build compiles contracts/src next to the server
 * (dist/contracts/src), so the relative path holds both in the sources and in dist; the console imports the same
 * files as `@warden/contracts`.
 */
export * from '../../contracts/src';
