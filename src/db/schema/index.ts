export * from './regions';
export * from './posts';
