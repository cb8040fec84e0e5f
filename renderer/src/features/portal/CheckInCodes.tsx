import { useApi } from '../../api/hooks';
import { Qr } from '../../components/Qr';

/** QR codes to print: one for the desk, one for each room's door. A member scans one to check in. */
export function CheckInCodes() {
  const codes = useApi('portal.checkInCodes', {});
  if (!codes.data) return null;
  return (
    <details className="check-in-codes">
      <summary>QR codes to print for checking in</summary>
      <ul className="qr-grid">
        <li>
          <Qr text={codes.data.desk} label="Check in at the desk" size={120} />
          <span>At the desk</span>
        </li>
        {codes.data.rooms.map((r) => (
          <li key={r.bookableId}>
            <Qr text={r.url} label={`Check in to ${r.name}`} size={120} />
            <span>{r.name}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
