// Vite's ?raw imports (file contents as text), e.g. the synthetic regency fixture.
declare module '*?raw' {
  const text: string;
  export default text;
}
