// Shared by the search and alerts pages (each service serves this file from the web-common jar):
// building DOM nodes without ever parsing API text as HTML, and JSON requests whose failures carry
// the API's error, status, field or parameter, and position.
window.Ronda = (function () {
  'use strict';

  // el('a', { href: u, class: 'x', text: 't', onclick: f }, child...): attributes, text and listeners.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.error) || 'request failed with status ' + status);
      this.status = status;
      this.field = body && body.field;
      this.parameter = body && body.parameter;
      this.position = body && Number.isInteger(body.position) ? body.position : null;
    }
  }

  // fetch, then the JSON body (null for 204 or a body that is not JSON); a failure is an ApiError,
  // status 0 when `service` cannot be reached at all.
  async function requestJson(url, init, service) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, { error: service + ' cannot be reached (' + e.message + ')' });
    }
    if (response.status === 204) return null;
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  return { el, ApiError, requestJson };
})();
