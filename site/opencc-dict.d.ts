/** opencc-js ships its dictionaries as ES modules (a `"a b|c d"` string each) without type declarations. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
