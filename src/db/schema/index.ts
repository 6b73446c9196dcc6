export * from './regions';
export * from './posts';
export * from './holidays';
export * from './accounts';
export * from './infra';
