/// <reference types="vite/client" />

/** The DKFDS stylesheet, aliased in vite.config.ts to node_modules/dkfds/dist/css/dkfds.min.css. */
declare module 'dkfds-css';
