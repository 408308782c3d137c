"""A small fi/sv/en graph for the search tests: Järvenpää (Finnish), Närpes (Swedish names), a
person and a post, bodies whose names share prefixes so ranking can be seen."""

from __future__ import annotations

SEARCH_TRIG = """
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix kind: <http://127.0.0.1:5000/def/kind/> .
@prefix id:   <http://127.0.0.1:5000/id/> .
@prefix body: <http://127.0.0.1:5000/id/org/> .
@prefix graph: <http://127.0.0.1:5000/graph/> .

graph:ontology {
  kind:municipality a skos:Concept ; skos:prefLabel "kunta"@fi, "kommun"@sv, "municipality"@en .
  kind:board a skos:Concept ; skos:prefLabel "lautakunta"@fi, "nämnd"@sv, "board"@en .
  kind:unit a skos:Concept ; skos:prefLabel "yksikkö"@fi, "enhet"@sv, "unit"@en .
  kind:executive a skos:Concept ; skos:prefLabel "hallitus"@fi, "styrelse"@sv, "executive board"@en .
}

graph:curation {
  body:jarvenpaa a org:FormalOrganization ; org:classification kind:municipality ;
      skos:prefLabel "Järvenpään kaupunki"@fi, "Träskända stad"@sv, "City of Järvenpää"@en ;
      skos:altLabel "Järvenpää"@fi, "Träskända"@sv .
  body:narpes a org:FormalOrganization ; org:classification kind:municipality ;
      skos:prefLabel "Närpes stad"@sv, "Närpiön kaupunki"@fi ;
      skos:altLabel "Närpes"@sv, "Närpiö"@fi .
}

graph:source\\/jarvenpaa {
  body:jarvenpaa-kaupunginhallitus a org:Organization ; org:classification kind:executive ;
      skos:prefLabel "kaupunginhallitus"@fi ; org:subOrganizationOf body:jarvenpaa .
  body:jarvenpaa-sivistyslautakunta a org:Organization ; org:classification kind:board ;
      skos:prefLabel "sivistyslautakunta"@fi ; org:subOrganizationOf body:jarvenpaa .
  body:jarvenpaa-talouspalvelut a org:OrganizationalUnit ; org:classification kind:unit ;
      skos:prefLabel "talouspalvelut"@fi ; org:unitOf body:jarvenpaa-kaupunginhallitus .
  body:jarvenpaa-jarvenpaa-talo a org:OrganizationalUnit ; org:classification kind:unit ;
      skos:prefLabel "Järvenpää-talon palvelut"@fi ; org:unitOf body:jarvenpaa .
  id:post\\/jarvenpaa-kaupunginjohtaja a org:Post ; skos:prefLabel "kaupunginjohtaja"@fi ;
      org:postIn body:jarvenpaa ; org:heldBy id:person\\/kimmo-kyto .
  id:person\\/kimmo-kyto a foaf:Person ; foaf:name "Kimmo Kytö" .
}

graph:source\\/narpes {
  body:narpes-stadsstyrelsen a org:Organization ; org:classification kind:executive ;
      skos:prefLabel "stadsstyrelsen"@sv ; org:subOrganizationOf body:narpes .
  body:narpes-bildningsnamnden a org:Organization ; org:classification kind:board ;
      skos:prefLabel "bildningsnämnden"@sv ; skos:altLabel "sivistyslautakunta"@fi ;
      org:subOrganizationOf body:narpes .
  id:person\\/ake-osterlund a foaf:Person ; foaf:name "Åke Österlund" ;
      org:headOf body:narpes-bildningsnamnden .
  <javascript:alert(1)> a org:Organization ; skos:prefLabel "Hostile <script>alert(1)</script> nämnd"@sv .
}
"""
