// stylesheets are bundled by esbuild into explorer.css
declare module '*.css';
