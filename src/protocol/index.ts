/** The Account Updates WebSocket protocol, shared by the client and the embedded server. */
export * from './codes';
export * from './domain';
export * from './subscriptions';
export * from './client-messages';
export * from './server-messages';
export * from './inbound';
export * from './complete';
export * from './accounts-list';
export * from './field-docs';
