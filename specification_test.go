package einvoice

import "testing"

func TestFacturXProfile(t *testing.T) {
	for spec, want := range map[string]string{
		"urn:factur-x.eu:1p0:minimum":                                                   "minimum",
		"urn:zugferd.de:2p1:minimum":                                                    "minimum",
		"urn:factur-x.eu:1p0:basicwl":                                                   "basicwl",
		"urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic":                   "basic",
		"urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic":                       "basic",
		"urn:cen.eu:en16931:2017":                                                       "en16931",
		" urn:cen.eu:en16931:2017\n":                                                    "en16931",
		"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended":               "extended",
		"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended":                "extended",
		"urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr":       "extended-ctc-fr",
		"\t urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr \n": "extended-ctc-fr",
		// Not the French URN: a colon for the dot, another version, another case.
		"urn:cen.eu:en16931:2017#conformant#urn:cpro.gouv.fr:1p0:extended-ctc-fr":    "",
		"urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p1:extended-ctc-fr":    "",
		"URN:CEN.EU:EN16931:2017#CONFORMANT#URN.CPRO.GOUV.FR:1P0:EXTENDED-CTC-FR":    "",
		"urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0":      "",
		"urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0": "",
		"": "",
	} {
		if got := FacturXProfile(spec); got != want {
			t.Errorf("FacturXProfile(%q) = %q, want %q", spec, got, want)
		}
	}
}
