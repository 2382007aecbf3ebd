import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface OtpauthQrProps {
  /** The `otpauth://totp/…` URI the server issued for enrolment. */
  uri: string;
}

/**
 * The enrolment URI as a QR code for an authenticator app, with the secret beside it as text
 * for typing in by hand. The code is drawn as SVG: no canvas, so it renders in every browser.
 */
export function OtpauthQr({ uri }: OtpauthQrProps) {
  const { t } = useTranslation('auth');
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (markup) => {
        if (!cancelled) setSvg(markup);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [uri]);

  const secret = secretOf(uri);
  return (
    <div className="otpauth" data-testid="otpauth">
      {svg ? (
        <img
          className="otpauth__qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          alt={t('qr.alt')}
          width={200}
          height={200}
          data-testid="otpauth-qr"
        />
      ) : (
        <p className="muted">{failed ? t('qr.failed') : t('qr.drawing')}</p>
      )}
      <p>
        {t('qr.typeKey')}{' '}
        <code className="otpauth__secret" data-testid="otpauth-secret">
          {secret ? groupInFours(secret) : uri}
        </code>
      </p>
      <details>
        <summary>{t('qr.showUri')}</summary>
        <code className="otpauth__uri" data-testid="otpauth-uri">
          {uri}
        </code>
      </details>
    </div>
  );
}

/** The base32 secret of an otpauth URI, or null if it has none. */
export function secretOf(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return null;
  }
}

function groupInFours(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
