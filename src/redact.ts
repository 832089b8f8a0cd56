// Credential redaction for anything geokg shows: URIs in CLI output, HTTP error bodies, logs and bench lines.
// One function for every place, so a `bolt://user:password@host` never reaches a terminal or a browser.

/** `scheme://user:secret@host…` → `scheme://host…`; anything that is not such a URI is returned unchanged. */
export function redactUri(uri: string): string {
  return redactSecrets(uri);
}

/** Removes the userinfo part of every URI inside a free text (error messages can quote the URI anywhere). */
export function redactSecrets(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]*@/gi, '$1');
}

/** The user and password a URI carries in its userinfo, and the URI without them (for the driver). */
export function splitUriCredentials(uri: string): { uri: string; user?: string; password?: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^\s/@]*)@(.*)$/i.exec(uri);
  if (!m) return { uri };
  const [user, ...rest] = m[2]!.split(':');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const out: { uri: string; user?: string; password?: string } = { uri: `${m[1]}${m[3]}` };
  if (user) out.user = decode(user);
  if (rest.length > 0) out.password = decode(rest.join(':'));
  return out;
}
