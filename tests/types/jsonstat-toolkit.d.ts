// jsonstat-toolkit ships no types; the tests read a dataset back with it
declare module 'jsonstat-toolkit';
