/**
 * The offer picker of `<compose-area>`: the host's offers as radios, a preview of the one chosen,
 * and Send. It reports through its callbacks: no reference to the composer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Strings } from '../../i18n/strings.js';
import type { OfferContent } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';
import type { ComposerOffer } from './composer-model.js';
import type { PanelCallbacks } from './link-panel.js';

/** The offer being chosen. */
export class OfferPanel {
  private offerId: string | undefined;

  constructor(private readonly on: PanelCallbacks) {}

  /** Another conversation: nothing chosen. */
  reset(): void {
    this.offerId = undefined;
  }

  private send(offer: ComposerOffer): void {
    const { title, description, imageUrl, url, cta } = offer;
    const draft: OfferContent = { kind: 'offer', title };
    if (description) draft.description = description;
    if (imageUrl) draft.imageUrl = imageUrl;
    if (url) draft.url = url;
    if (cta) draft.cta = cta;
    if (this.on.send(draft)) {
      this.reset();
      this.on.close();
    }
  }

  render(offers: readonly ComposerOffer[], t: Strings['composer'], cancel: TemplateResult): TemplateResult {
    const selected = offers.find((offer) => offer.id === this.offerId);
    return html`<div id="panel" part="panel" class="panel" role="group" aria-label=${t.offers}>
      <div class="offer-list" role="radiogroup" aria-label=${t.offers}>
        ${offers.map(
          (offer) =>
            html`<label class="offer-option">
              <input
                type="radio"
                name="offer"
                .checked=${live(offer.id === this.offerId)}
                @change=${() => {
                  this.offerId = offer.id;
                  this.on.changed();
                }}
              />
              <span>${offer.title}</span>
            </label>`,
        )}
      </div>
      ${selected ? this.renderCard(selected, t) : nothing}
      <div class="actions">
        ${cancel}
        <button type="button" class="primary" ?disabled=${!selected} @click=${() => selected && this.send(selected)}>
          ${t.offerSend}
        </button>
      </div>
    </div>`;
  }

  private renderCard(offer: ComposerOffer, t: Strings['composer']): TemplateResult {
    const image = safeUrl(offer.imageUrl, 'image');
    const url = safeUrl(offer.url, 'link');
    return html`<figure class="offer-card" aria-label=${t.offerPreview}>
      ${
        image
          ? html`<img src=${image} alt="" @error=${(e: Event) => ((e.target as HTMLElement).hidden = true)} />`
          : nothing
      }
      <figcaption>
        <strong>${offer.title}</strong>
        ${offer.description ? html`<span>${offer.description}</span>` : nothing}
        ${url ? html`<span class="muted">${url}</span>` : nothing}
        ${offer.cta ? html`<span class="cta">${offer.cta}</span>` : nothing}
      </figcaption>
    </figure>`;
  }
}
