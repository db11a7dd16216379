// qrcode's symbol builder, imported directly so that neither its Node entry (fs, pngjs) nor its
// browser entry (canvas) is pulled in: core/qrcode.js is plain JS with one dependency. Typed
// here, not through @types/qrcode, whose reference to Node's types would leak into this
// browser-safe package's type-check.
declare module 'qrcode/lib/core/qrcode.js' {
  interface Symbol {
    readonly modules: { readonly size: number; readonly data: Uint8Array };
    readonly version: number;
    readonly maskPattern: number;
    readonly segments: readonly { readonly mode: { readonly id: string }; readonly data: unknown }[];
  }
  const core: {
    create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): Symbol;
  };
  export default core;
}
