import 'dkfds-css';
import './styles.css';
import iconSprite from 'dkfds-icons.svg?raw';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import i18n from './i18n';

/** The DKFDS icon sprite, inlined once so `<use href="#name">` works everywhere (as DKFDS does). */
function injectIconSprite() {
  const holder = document.createElement('div');
  holder.className = 'hide-base-svg';
  holder.setAttribute('aria-hidden', 'true');
  holder.innerHTML = iconSprite.replace(/<\?xml[^>]*>/, '').replace(/<!DOCTYPE[^>]*>/i, '');
  document.body.prepend(holder);
}

injectIconSprite();
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
