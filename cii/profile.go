package cii

import (
	"strings"

	"github.com/einvoice-go/einvoice"
)

// Profile is a Factur-X 1.09 (ZUGFeRD 2.5) profile, or the French
// EXTENDED-CTC-FR profile: the subset of CII and of EN 16931 that a
// document uses, declared in its specification identifier (BT-24). The zero
// Profile is no known profile: the Encoder takes it for EN16931, Decode
// reports it for a BT-24 it does not know (an XRechnung CII document, say).
type Profile int

// The Factur-X profiles, from the smallest to the largest, then the French
// one.
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
	// ExtendedCTCFR is EXTENDED-CTC-FR, the profile of the French
	// e-invoicing reform of 2026 for a CII document exchanged alone: the
	// French subset of Factur-X EXTENDED, with its own specification
	// identifier. It is not a Factur-X profile of its own: it carries the
	// business terms EXTENDED carries, and a Factur-X PDF of it declares
	// EXTENDED (see FacturX), since the official validators take a PDF
	// whose XML declares the EXTENDED-CTC-FR identifier for plain CII.
	// Profiles does not list it.
	ExtendedCTCFR
)

// Profiles lists the five Factur-X profiles, from the smallest to the
// largest: not ExtendedCTCFR, which is a French subset of Extended rather
// than a Factur-X profile.
func Profiles() []Profile { return []Profile{Minimum, BasicWL, Basic, EN16931, Extended} }

// FacturX returns the Factur-X profile of p: Extended for ExtendedCTCFR, p
// itself for the others (0 for the zero Profile). It is the profile whose
// identifier and conformance level a Factur-X PDF of a document of profile
// p declares, and whose business terms p carries.
func (p Profile) FacturX() Profile {
	if p == ExtendedCTCFR {
		return Extended
	}
	return p
}

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
	case ExtendedCTCFR:
		return "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr"
	}
	return ""
}

// String returns the profile's name as the command line spells it:
// minimum, basicwl, basic, en16931, extended, extended-ctc-fr; "unknown"
// for the zero Profile.
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
	case ExtendedCTCFR:
		return "extended-ctc-fr"
	}
	return "unknown"
}

// ConformanceLevel returns the profile's name as the Factur-X XMP metadata
// writes it (fx:ConformanceLevel): MINIMUM, BASIC WL, BASIC, EN 16931,
// EXTENDED; EXTENDED for ExtendedCTCFR too, the level a Factur-X PDF of it
// declares (see FacturX); "" for the zero Profile or an unknown one.
func (p Profile) ConformanceLevel() string {
	switch p := p.FacturX(); p {
	case BasicWL:
		return "BASIC WL"
	case EN16931:
		return "EN 16931"
	case Minimum, Basic, Extended:
		return strings.ToUpper(p.String())
	}
	return ""
}

// ParseProfile returns the profile named s, in the command line's
// spelling (minimum, basicwl, basic, en16931, extended, extended-ctc-fr;
// any letter case, white space around ignored; "basic-wl", "basic wl",
// "en 16931", "comfort", "extended_ctc_fr" and "extendedctcfr" are accepted
// too).
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
	case "extended-ctc-fr", "extended_ctc_fr", "extendedctcfr":
		return ExtendedCTCFR, true
	}
	return 0, false
}

// ProfileOf returns the profile a specification identifier (BT-24) names:
// the Factur-X URNs, the ZUGFeRD 2.0 and 2.1 spellings of the same
// profiles, and the EXTENDED-CTC-FR URN (einvoice.FacturXProfile). It
// returns 0 for any other identifier.
func ProfileOf(urn string) Profile {
	p, _ := ParseProfile(einvoice.FacturXProfile(urn))
	return p
}
