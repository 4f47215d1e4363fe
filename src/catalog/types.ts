import type { SinkCategory } from '../findings.js';

/**
 * One argument (or part of one) that carries data into a sink.
 * `rest`: this argument and every one after it. `property`: only these properties of an object
 * argument (`fetch(url, { body, headers })`). `of: "return"`: the argument is a function and what it
 * returns is the data (zustand `persist(creator)`, redux-persist `persistReducer(config, reducer)`).
 */
export interface DataRef {
  arg: number;
  rest?: boolean;
  property?: string[];
  of?: 'return';
  /** Shown in messages: `body`, `headers`, `query`, `url`, `event properties`. Defaults to `argument N`. */
  role?: string;
}

/**
 * Where a network sink's URL is.
 * - `{ arg, property? }`: an argument of this call (`fetch(url)`, `axios({ url })`, `https.request({ hostname })`).
 * - `{ receiverCreatedWith: { arg, property? } }`: an argument of the call or `new` that made the receiver
 *   (`new WebSocket(url).send(x)`, `axios.create({ baseURL }).post(path, x)`).
 * - `{ receiverCall: { method, arg } }`: an argument of another call on the same receiver (`xhr.open(m, url)`).
 */
/** An option property of this call's arguments, or of the call that made the receiver. */
export type OptionRef = { arg: number; property: string } | { receiverCreatedWith: { arg: number; property: string } };

/** `host`: the value is a bare host name (`hostname: 'partner.example.com'`), not a URL. */
export type UrlRef =
  | { arg: number; property?: string; host?: boolean }
  | { receiverCreatedWith: { arg: number; property?: string; host?: boolean } }
  | { receiverCall: { method: string; arg: number } };

export interface SinkEntry {
  /** Unique, stable: `segment.track`, `console.log`. */
  id: string;
  category: SinkCategory;
  vendor: string;
  /**
   * Packages the callee comes from: matched against the module a declaration belongs to
   * (node_modules/<pkg>, node_modules/@types/<pkg>, or `declare module "<pkg>"`), and against
   * the import or require a receiver was made from. A trailing `*` matches any suffix: `@sentry/*`.
   */
  module?: string[];
  /** Global roots for browser and runtime globals: `console`, `localStorage`, `gtag`. `window.`, `globalThis.` and `self.` are looked through. */
  global?: string[];
  /**
   * The member chain after the module export or global, matched as a suffix of the call's chain:
   * `track`, `people.set`, `logger.info`. Empty: the root itself is called (`gtag(…)`, `fetch(…)`).
   * `*` matches any one member.
   */
  callee: string;
  /** `call` (default), `new` (`new PutObjectCommand(…)`), or `assign` (`document.cookie = v`: the assigned value is the data). */
  kind?: 'call' | 'new' | 'assign';
  data: DataRef[];
  url?: UrlRef[];
  /** The call counts only on a receiver made by a call of one of these names: `request` for `req.write(body)`. */
  receiverMadeBy?: string[];
  /**
   * Storage: the call is not a sink when one of these option properties is present, in its own
   * arguments (S3 `ServerSideEncryption`) or in those of the call that made the receiver
   * (`new MMKV({ encryptionKey })`).
   */
  safeWhen?: OptionRef[];
  /** A short note for docs: why this API is a sink. */
  note?: string;
}
