import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` for phones to scan, drawn as SVG (no script, so the page's CSP allows it). */
export function Qr({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return null;
  return <img className="qr" width={size} height={size} alt={label} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />;
}
