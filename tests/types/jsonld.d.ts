// jsonld ships no types; the tests expand the catalogue with it
declare module 'jsonld';
