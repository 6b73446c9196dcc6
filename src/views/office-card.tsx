import type { FC } from 'hono/jsx';
import { regionTitle } from '../regions/labels';
import { type OfficeContact, whatsappDigits } from '../regions/offices';

/** How to reach the office in person or by phone: the next step on pages that cannot serve the citizen online yet. */
export const OfficeCard: FC<{ office: OfficeContact | null; heading?: string; fallbackName: string }> = ({ office, heading, fallbackName }) => {
  if (!office) {
    return (
      <section class="office" aria-labelledby="kantor">
        <h2 id="kantor">{heading ?? 'Hubungi kantor'}</h2>
        <p>Datang langsung ke kantor {fallbackName} pada jam kerja, atau tanyakan kepada ketua RT/RW setempat.</p>
      </section>
    );
  }
  const wa = whatsappDigits(office.whatsapp);
  return (
    <section class="office" aria-labelledby="kantor">
      <h2 id="kantor">{heading ?? `Hubungi kantor ${regionTitle(office.region)}`}</h2>
      <dl class="office-facts">
        {office.address ? (
          <>
            <dt>Alamat</dt>
            <dd>{office.address}</dd>
          </>
        ) : null}
        {office.hours ? (
          <>
            <dt>Jam pelayanan</dt>
            <dd>{office.hours}</dd>
          </>
        ) : null}
        {office.phone ? (
          <>
            <dt>Telepon</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
            </dd>
          </>
        ) : null}
        {office.whatsapp ? (
          <>
            <dt>WhatsApp</dt>
            <dd>{wa ? <a href={`https://wa.me/${wa}`}>{office.whatsapp}</a> : office.whatsapp}</dd>
          </>
        ) : null}
        {office.email ? (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
};
