// A QR code as an SVG drawn on the server (no script, no request elsewhere), labelled for screen readers. The library
// is loaded when a code is first drawn, not at start.

export async function qrSvg(url: string, label: string, margin = 2): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return (await QRCode.toString(url, { type: 'svg', margin, errorCorrectionLevel: 'M' })).replace(
    '<svg ',
    `<svg role="img" aria-label="${label.replace(/["<>&]/g, '')}" `,
  );
}
