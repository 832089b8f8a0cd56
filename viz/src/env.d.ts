// Ambient types for the Vite build: CSS imported for its side effect and the vite/client globals.
/// <reference types="vite/client" />
declare module '*.css';
