// The red-alarm sound: three short beeps from a WebAudio oscillator (no audio files), and the mute
// toggle, remembered in localStorage. Browsers start audio only after a gesture: the context is
// made (or resumed) on the first click or key on the page, and beeps before that stay silent.
import { h } from '../../dom';
import { bindText } from '../../i18n';
import { readMuted, saveMuted } from './alarm-model';

const BEEPS = 3;
const BEEP_S = 0.18;
const GAP_S = 0.12;
const FREQUENCY_HZ = 880;

export interface AlarmSound {
  /** The mute toggle (data-testid alarm-mute, aria-pressed when muted). */
  button: HTMLButtonElement;
  /** Plays the beeps unless muted; returns whether it did. */
  beep(): boolean;
  destroy(): void;
}

type AudioContextClass = typeof AudioContext;

export function createAlarmSound(): AlarmSound {
  let muted = readMuted();
  let context: AudioContext | null = null;
  const Context = (globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext
    ?? (globalThis as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;

  const unlock = (): void => {
    if (!Context) return;
    try {
      context ??= new Context();
      if (context.state === 'suspended') void context.resume();
    } catch {
      context = null;
    }
  };
  document.addEventListener('pointerdown', unlock, { capture: true });
  document.addEventListener('keydown', unlock, { capture: true });

  const label = h('span');
  const button = h('button', { type: 'button', class: 'alarm-mute', 'data-testid': 'alarm-mute' }, label);
  const show = (): void => {
    button.setAttribute('aria-pressed', String(muted));
    button.dataset.muted = String(muted);
    bindText(label, muted ? 'alarm.sound.muted' : 'alarm.sound.on');
    bindText(button, muted ? 'alarm.sound.unmute' : 'alarm.sound.mute', undefined, 'title');
  };
  button.addEventListener('click', () => {
    muted = !muted;
    saveMuted(muted);
    show();
  });
  show();

  return {
    button,
    beep() {
      if (muted || !context || context.state !== 'running') return false;
      const start = context.currentTime + 0.02;
      for (let i = 0; i < BEEPS; i += 1) {
        const at = start + i * (BEEP_S + GAP_S);
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'square';
        oscillator.frequency.value = FREQUENCY_HZ;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.2, at + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + BEEP_S);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(at);
        oscillator.stop(at + BEEP_S + 0.02);
      }
      return true;
    },
    destroy() {
      document.removeEventListener('pointerdown', unlock, { capture: true });
      document.removeEventListener('keydown', unlock, { capture: true });
      void context?.close().catch(() => undefined);
      context = null;
    },
  };
}
