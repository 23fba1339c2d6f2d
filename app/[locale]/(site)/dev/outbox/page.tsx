import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { listOutbox } from "@/lib/auth/outbox";
import { readerOnThisMachine } from "@/lib/http/request-context";

export const metadata = { title: "Development outbox", robots: { index: false } };

/** Mail that would have been sent; exists only when no SMTP server is configured in development. */
export default async function OutboxPage() {
  const messages = await listOutbox(readerOnThisMachine(await headers()));
  if (!messages) notFound();
  return (
    <div>
      <h1>Development outbox</h1>
      <p>Without SMTP settings, mail is shown here and in the server log. It answers only on this machine, and never once SMTP is configured.</p>
      {messages.length === 0 ? <p>No mail yet.</p> : null}
      <ol className="outbox" reversed>
        {messages.map((message) => (
          <li key={message.id}>
            <h2>{message.subject}</h2>
            <p>
              To <span data-testid="outbox-to">{message.to}</span> at {message.createdAt.toISOString()}
            </p>
            <pre>{message.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
