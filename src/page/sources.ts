/**
 * Which `<meta>` keys each detail is read from, in order of preference. The
 * full precedence per field (JSON-LD and page-body sources included) is
 * documented on extractDetails in details.ts.
 */

/** Tags that describe one route; in a single-page app they may be left over from the previous one. */
export const ROUTE_TAG_PREFIXES = ["og:", "article:", "twitter:", "itemprop:"] as const;
/** Route-prefixed tags that describe the whole site and so stay trustworthy. */
export const SITE_WIDE_TAGS = new Set(["og:site_name", "og:locale", "twitter:site"]);

export const SOCIAL_TITLE = ["og:title", "twitter:title"] as const;
export const DOCUMENT_TITLE = [
	"citation_title",
	"parsely-title",
	"dc.title",
	"dcterms.title",
	"dc:title",
	"dcterms:title",
	"title",
	"itemprop:headline",
	"itemprop:name",
] as const;

export const OG_SITE_NAME = "og:site_name";
/** Read after og:site_name and the JSON-LD publisher / WebSite name. */
export const SITE_NAME = [
	"citation_journal_title",
	"citation_conference_title",
	"dc.publisher",
	"dcterms.publisher",
	"dc:publisher",
	"dcterms:publisher",
	"citation_publisher",
	"application-name",
	"apple-mobile-web-app-title",
] as const;

export const AUTHOR_FAMILY_FIRST = [
	"citation_author",
	"dc.creator",
	"dcterms.creator",
	"dc:creator",
	"dcterms:creator",
] as const;
export const AUTHOR = ["author", "article:author", "sailthru.author", "parsely-author", "byl"] as const;

export const PUBLISHED = [
	"article:published_time",
	"og:article:published_time",
	"article:published",
	"og:published_time",
	"published_time",
	"itemprop:datepublished",
	"citation_publication_date",
	"citation_date",
	"citation_online_date",
	"dc.date.issued",
	"dcterms.issued",
	"dc.date",
	"dcterms.date",
	"dc:date",
	"dcterms:date",
	"dcterms:issued",
	"dcterms.created",
	"dc.date.created",
	"date",
	"pubdate",
	"publishdate",
	"publish-date",
	"publish_date",
	"publication_date",
	"sailthru.date",
	"parsely-pub-date",
	"article.published",
	"article_date_original",
] as const;

export const DESCRIPTION = [
	"og:description",
	"twitter:description",
	"description",
	"dc.description",
	"dcterms.description",
	"dcterms.abstract",
	"dc:description",
	"dcterms:description",
	"citation_abstract",
	"itemprop:description",
] as const;

export const OG_IMAGE = ["og:image", "og:image:url", "og:image:secure_url"] as const;
export const TWITTER_IMAGE = ["twitter:image", "twitter:image:src", "parsely-image-url"] as const;
export const MICRODATA_IMAGE = ["itemprop:image", "itemprop:thumbnailurl"] as const;

export const LANGUAGE = [
	"http-equiv:content-language",
	"language",
	"dc.language",
	"dcterms.language",
	"citation_language",
	"og:locale",
] as const;
