// The end-to-end path of what Hearth has today, run for real on loopback: an account and its recovery, a laptop
// that enrolls a phone, and signed, sealed log entries sent over a Noise channel on TCP. Replaced by the PAM demo
// once PAM lands.
import { connect, createServer } from "node:net";
import { Duplex } from "node:stream";
import {
  acceptEnrollmentGrant,
  accountId,
  createEnrollmentGrant,
  createPairingCode,
  encodeEntryContext,
  generateDeviceIdentity,
  generateRootSecret,
  KeyRing,
  openEnvelope,
  openKeyFile,
  openSecureChannel,
  parsePairingCode,
  ReplayWindow,
  readEnvelopeHeader,
  sealEnvelope,
  signEnvelope,
  TransportError,
  toRecoveryPhrase,
  verifyEnvelope,
  wrapKeyFile,
} from "@hearth/transport";

const say = (line) => console.log(line);
const text = new TextEncoder();
const untext = new TextDecoder();

// 1. An account: a root secret, shown once as 24 words and kept on disk under a passphrase.
const root = generateRootSecret();
const words = toRecoveryPhrase(root).split(" ");
say(`account ${accountId(root)}: recovery phrase of ${words.length} words (${words.slice(0, 3).join(" ")} ...)`);
let started = performance.now();
const keyFile = await wrapKeyFile(root, "correct horse battery staple");
const reopened = await openKeyFile(keyFile, "correct horse battery staple");
say(
  `key file: ${keyFile.length} bytes, scrypt ${Math.round(performance.now() - started)} ms for wrap + open, same secret: ${reopened.every((b, i) => b === root[i])}`,
);

// 2. A laptop holds the space; a phone joins by pairing code and a short authentication string.
const laptop = generateDeviceIdentity();
const phone = generateDeviceIdentity();
const keyRing = KeyRing.create();
const code = createPairingCode(phone);
say(`phone shows pairing code ${code.slice(0, 25)}...`);
const { grant, shortAuthenticationString } = createEnrollmentGrant(laptop, parsePairingCode(code), {
  spaceId: "home",
  keyRing,
});
const joined = acceptEnrollmentGrant(phone, grant);
say(
  `laptop shows ${shortAuthenticationString}, phone shows ${joined.shortAuthenticationString}: ${shortAuthenticationString === joined.shortAuthenticationString ? "match, enrolled" : "MISMATCH"}`,
);

// 3. A Noise XX channel on loopback. The phone accepts only the laptop that enrolled it.
const phoneReceived = [];
const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const phoneDone = new Promise((resolve, reject) => {
  server.once("connection", async (socket) => {
    try {
      const channel = await openSecureChannel(Duplex.toWeb(socket), {
        role: "responder",
        staticKeyPair: phone.agreement,
        verifyRemote: (key) => key.every((b, i) => b === joined.enroller.agreementPublicKey[i]),
      });
      const window = new ReplayWindow();
      for await (const message of channel) {
        const entry = JSON.parse(untext.decode(message));
        const envelope = Buffer.from(entry.envelope, "base64");
        const context = encodeEntryContext(entry.context);
        try {
          verifyEnvelope(joined.enroller.signingPublicKey, envelope, context, Buffer.from(entry.signature, "base64"));
          window.accept(`${entry.context.deviceId}/${entry.context.documentId}`, entry.context.seq);
          const key = joined.keyRing.documentKey(entry.context.documentId, readEnvelopeHeader(envelope).epoch);
          const body = untext.decode(openEnvelope(key, envelope, context));
          phoneReceived.push(body);
          say(`  phone applied seq ${entry.context.seq}: "${body}"`);
        } catch (error) {
          if (!(error instanceof TransportError)) throw error;
          say(`  phone refused seq ${entry.context.seq}: ${error.code} (${error.message})`);
        }
      }
      resolve(undefined);
    } catch (error) {
      reject(error);
    }
  });
});

const socket = connect(server.address().port, "127.0.0.1");
await new Promise((resolve) => socket.once("connect", resolve));
started = performance.now();
const channel = await openSecureChannel(Duplex.toWeb(socket), { role: "initiator", staticKeyPair: laptop.agreement });
say(
  `Noise XX channel up in ${(performance.now() - started).toFixed(1)} ms; laptop sees the phone's key: ${channel.remoteStaticPublicKey.every((b, i) => b === phone.agreementPublicKey[i])}`,
);

// 4. The laptop seals and signs entries of the "inbox" document and sends them.
const sealEntry = (seq, body) => {
  const context = { documentId: "inbox", deviceId: laptop.deviceId, seq, epoch: keyRing.currentEpoch, kind: "change" };
  const aad = encodeEntryContext(context);
  const envelope = sealEnvelope(keyRing.documentKey("inbox"), text.encode(body), {
    epoch: keyRing.currentEpoch,
    context: aad,
    pad: true,
  });
  const signature = signEnvelope(laptop.signing.secretKey, envelope, aad);
  return {
    context,
    envelope: Buffer.from(envelope).toString("base64"),
    signature: Buffer.from(signature).toString("base64"),
  };
};
const send = (entry) => channel.send(text.encode(JSON.stringify(entry)));

const entries = [
  "Dentist moved to Thursday 9:30",
  "Buy a gift for Ana's birthday",
  "Reply to the landlord about the lease",
].map((body, i) => sealEntry(i + 1, body));
for (const entry of entries) await send(entry);

// 5. What the network or a relay might do: change a byte, replay an entry.
const tampered = sealEntry(4, "Pay the invoice today");
const bytes = Buffer.from(tampered.envelope, "base64");
bytes[40] ^= 1;
await send({ ...tampered, envelope: bytes.toString("base64") });
await send(entries[1]);
await channel.close();
await phoneDone;
server.close();

const ok = phoneReceived.length === 3 && shortAuthenticationString === joined.shortAuthenticationString;
say(`done: ${phoneReceived.length} entries applied, 2 refused; the network saw only ciphertext.`);
process.exit(ok ? 0 : 1);
