// oidc-provider ships no types; the tests use only a small part of it
declare module 'oidc-provider';
