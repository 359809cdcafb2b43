package cii

import (
	"strings"

	"github.com/einvoice-go/einvoice"
)

// Profile is a Factur-X 1.09 (ZUGFeRD 2.5) profile: the subset of CII and of
// EN 16931 that a document uses, declared in its specification identifier
// (BT-24). The zero Profile is no known profile: the Encoder takes it for
// EN16931, Decode reports it for a BT-24 it does not know (an XRechnung CII
// document, say).
type Profile int

// The Factur-X profiles, from the smallest to the largest.
const (
	// Minimum is MINIMUM: the document-level totals, without lines; not an
	// EN 16931 invoice.
	Minimum Profile = iota + 1
	// BasicWL is BASIC WL: the document level of EN 16931, without lines;
	// not an EN 16931 invoice.
	BasicWL
	// Basic is BASIC: a subset of EN 16931 with lines.
	Basic
	// EN16931 is EN 16931 (COMFORT in ZUGFeRD): the whole of EN 16931.
	EN16931
	// Extended is EXTENDED: EN 16931 and more, for German and French needs.
	Extended
)

// Profiles lists the profiles, from the smallest to the largest.
func Profiles() []Profile { return []Profile{Minimum, BasicWL, Basic, EN16931, Extended} }

// URN returns the profile's specification identifier (BT-24), or "" for
// the zero Profile.
func (p Profile) URN() string {
	switch p {
	case Minimum:
		return "urn:factur-x.eu:1p0:minimum"
	case BasicWL:
		return "urn:factur-x.eu:1p0:basicwl"
	case Basic:
		return "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"
	case EN16931:
		return "urn:cen.eu:en16931:2017"
	case Extended:
		return "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"
	}
	return ""
}

// String returns the profile's name as the command line spells it:
// minimum, basicwl, basic, en16931, extended; "unknown" for the zero Profile.
func (p Profile) String() string {
	switch p {
	case Minimum:
		return "minimum"
	case BasicWL:
		return "basicwl"
	case Basic:
		return "basic"
	case EN16931:
		return "en16931"
	case Extended:
		return "extended"
	}
	return "unknown"
}

// ConformanceLevel returns the profile's name as the Factur-X XMP metadata
// writes it (fx:ConformanceLevel): MINIMUM, BASIC WL, BASIC, EN 16931,
// EXTENDED.
func (p Profile) ConformanceLevel() string {
	switch p {
	case BasicWL:
		return "BASIC WL"
	case EN16931:
		return "EN 16931"
	case 0:
		return ""
	}
	return strings.ToUpper(p.String())
}

// ParseProfile returns the profile named s, in the command line's
// spelling (minimum, basicwl, basic, en16931, extended; any letter case;
// "basic-wl", "basic wl", "en 16931" and "comfort" are accepted too).
func ParseProfile(s string) (Profile, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "minimum":
		return Minimum, true
	case "basicwl", "basic-wl", "basic wl", "basic_wl":
		return BasicWL, true
	case "basic":
		return Basic, true
	case "en16931", "en 16931", "en-16931", "comfort":
		return EN16931, true
	case "extended":
		return Extended, true
	}
	return 0, false
}

// ProfileOf returns the profile a specification identifier (BT-24) names:
// the Factur-X URNs and the ZUGFeRD 2.0 and 2.1 spellings of the same
// profiles (einvoice.FacturXProfile). It returns 0 for any other
// identifier.
func ProfileOf(urn string) Profile {
	p, _ := ParseProfile(einvoice.FacturXProfile(urn))
	return p
}
