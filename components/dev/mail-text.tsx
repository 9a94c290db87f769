/** A plain-text mail body with its web addresses as links (development page). */
export function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"）]+)/g);
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-base leading-relaxed">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <a key={i} href={p} className="break-all">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </pre>
  );
}
