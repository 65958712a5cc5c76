// Screenshots of the Agents Playground's page talking to the bot, in headless Chromium.
// usage (bot already running, e.g. `dotnet run --project src/TajKazBot`):
//   node tests/playground/screenshots.js [botEndpoint=http://127.0.0.1:3978/api/messages] [outFolder=<repo>/docs]
// With --streamed it shoots a written answer streamed in Teams instead (mid-stream and final), from a scripted
// model it serves itself at http://127.0.0.1:5199/v1; run the bot with Model__Provider=OpenAICompatible
// Model__Endpoint=http://127.0.0.1:5199/v1 Model__ModelId=scripted.
// Needs Chromium (Debian: apt-get install chromium) and `npm ci` in tests/playground.
// Uses only Node built-ins: Chromium is driven over the DevTools protocol on --remote-debugging-pipe,
// and every request that is not to the playground is failed, so the page works offline.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const http = require('http');

const streamed = process.argv.includes('--streamed');
const args = process.argv.slice(2).filter(a => a !== '--streamed');
const endpoint = args[0] || 'http://127.0.0.1:3978/api/messages';
const outFolder = path.resolve(args[1] || path.join(__dirname, '..', '..', 'docs'));
const conversationId = 'screenshots-' + Date.now();
const sleep = ms => new Promise(r => setTimeout(r, ms));
const children = [];

function startPlayground(workFolder) {
  const cli = path.join(__dirname, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', '0', '--conversation-id', conversationId], {
    cwd: workFolder,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workFolder, 'playground.log') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the playground did not start')), 60000);
    child.stdout.on('data', d => {
      const m = /Listening on (\d+)/.exec(String(d));
      if (m) { clearTimeout(timer); resolve(+m[1]); }
    });
    child.on('exit', code => reject(new Error('the playground exited with ' + code)));
  });
}

// The DevTools protocol over fds 3 (to Chromium) and 4 (from Chromium), messages separated by NUL.
function startChromium(profile) {
  const child = spawn('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--user-data-dir=' + profile, '--remote-debugging-pipe', '--window-size=1280,960', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  children.push(child);
  let nextId = 1, buffered = '';
  const pending = new Map(), listeners = [];
  child.stdio[4].on('data', chunk => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject } = pending.get(message.id);
        pending.delete(message.id);
        message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
      } else if (message.method) {
        listeners.forEach(l => l(message));
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    child.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  });
  return { send, on: l => listeners.push(l) };
}

// A chat-completions server that streams one scripted answer a word at a time (with a bogus [8] the bot drops).
const scriptedAnswer = 'Kazakhstan has an embassy in Dushanbe, and Tajikistan has one in Nur-Sultan (formerly Astana) [1][8]. ' +
  "Both countries also run consular services for their citizens living in each other's countries [3].";
function startScriptedModel() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', async () => {
      const chunk = (delta, finish) => 'data: ' + JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: 'scripted',
        choices: [{ index: 0, delta, finish_reason: finish }] }) + '\n\n';
      if (!JSON.parse(body).stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion', created: 0, model: 'scripted',
          choices: [{ index: 0, message: { role: 'assistant', content: scriptedAnswer }, finish_reason: 'stop' }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of scriptedAnswer.split(/(?<= )/)) {
        res.write(chunk({ content: word }, null));
        await sleep(250);
      }
      res.end(chunk({}, 'stop') + 'data: [DONE]\n\n');
    });
  });
  return new Promise(resolve => server.listen(5199, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const model = streamed ? await startScriptedModel() : null;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tajkazbot-shots-'));
  const port = await startPlayground(work);
  const origin = `http://127.0.0.1:${port}`;
  const cdp = startChromium(path.join(work, 'profile'));
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => cdp.send(method, params, sessionId);
  const allowed = url => url.startsWith(origin) || url.startsWith(`http://localhost:${port}`) || url.startsWith('data:') || url.startsWith('blob:');
  cdp.on(message => {
    if (message.method === 'Fetch.requestPaused' && message.sessionId === sessionId) {
      const { requestId, request } = message.params;
      (allowed(request.url)
        ? page('Fetch.continueRequest', { requestId })
        : page('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })).catch(() => {});
    }
  });
  await page('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  await page('Page.enable');
  await page('Emulation.setDeviceMetricsOverride', { width: 1280, height: 960, deviceScaleFactor: 1, mobile: false });
  await page('Page.navigate', { url: origin + '/' });

  const evaluate = async expression => (await page('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const waitFor = async (expression, what, ms = 30000) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
      if (await evaluate(expression)) return;
    }
    await shot('failed.png');
    throw new Error('timed out waiting for ' + what + '; the page as it was is in failed.png');
  };
  const shot = async name => {
    const { data } = await page('Page.captureScreenshot', { format: 'png' });
    fs.mkdirSync(outFolder, { recursive: true });
    fs.writeFileSync(path.join(outFolder, name), Buffer.from(data, 'base64'));
    console.log('wrote', path.join(outFolder, name));
  };
  const ask = async text => {
    const r = await fetch(`${origin}/_conversation/v1/conversations/${conversationId}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'user-id-0' }, text, textFormat: 'plain' }),
    });
    if (!r.ok) throw new Error(`sending "${text}" failed: ${r.status}`);
  };
  const bodyHas = text => `document.body.innerText.includes(${JSON.stringify(text)})`;

  await waitFor(bodyHas('Test Bot') + ' || document.querySelectorAll("textarea,[contenteditable=true]").length > 0', 'the page');
  await sleep(1500);

  if (model) {
    await ask('Where are the embassies of Tajikistan and Kazakhstan?');
    await waitFor(bodyHas('Nur-Sultan') + ' && document.querySelectorAll(".fai-Citation").length === 0', 'the text as it is streamed');
    await shot('playground-streaming.png');
    await waitFor('document.querySelectorAll(".fai-Citation").length > 0', 'the final answer\'s citation pills');
    await sleep(800);
    await shot('playground-streamed-answer.png');
    model.close();
    return;
  }

  await ask("Where is Kazakhstan's embassy in Tajikistan?");
  await waitFor('document.querySelectorAll(".fai-Citation").length > 0', 'the citation pills');
  await sleep(800);
  await shot('playground-cited-answer.png');

  const box = await evaluate(`(() => { const e = document.querySelector('.fai-Citation'); e.scrollIntoView({block: 'center'});
    const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
  await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
  await sleep(1200);
  if (!(await evaluate('document.querySelectorAll("[role=dialog], .fui-PopoverSurface").length > 0'))) {
    await page('Input.dispatchMouseEvent', { type: 'mousePressed', x: box.x, y: box.y, button: 'left', clickCount: 1 });
    await page('Input.dispatchMouseEvent', { type: 'mouseReleased', x: box.x, y: box.y, button: 'left', clickCount: 1 });
    await sleep(1200);
  }
  await shot('playground-citation-hover.png');
  await page('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 });
  await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 5, y: 5 });

  await ask('What is the capital of Uzbekistan?');
  await waitFor(bodyHas("mention “Uzbekistan”"), 'the decline');
  await waitFor(bodyHas('Questions the document can answer'), 'the decline\'s suggested questions');
  await sleep(800);
  await evaluate('window.scrollTo(0, document.body.scrollHeight)');
  await shot('playground-decline.png');

  await ask('thanks, that helps');
  await waitFor(bodyHas("You’re welcome") + " || " + bodyHas("You're welcome"), 'the small-talk reply');
  await sleep(800);
  await evaluate('window.scrollTo(0, document.body.scrollHeight)');
  await shot('playground-small-talk.png');
}

main()
  .then(() => { children.forEach(c => c.kill()); process.exit(0); })
  .catch(e => { console.error(e); children.forEach(c => c.kill()); process.exit(1); });
