// What a page tells the head builders (Open Graph, JSON-LD) beyond title and description.
import type { ArticleEvent } from "../../content/article.js";

export interface PageImage {
  /** Root-relative (/media/…) or absolute URL. */
  readonly url: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

/** Article facts for og:type=article and NewsArticle; times are epoch ms. */
export interface ArticleHead {
  readonly headline: string;
  readonly published: number;
  readonly modified: number;
  /** The district's name in the page's language. */
  readonly section: string;
  readonly tags: readonly string[];
  readonly author: string | undefined;
  /** The event the article announces: an Event node beside the NewsArticle. */
  readonly event?: ArticleEvent | undefined;
}
