package io.concordat.tenants.domain;

/** What kind of public body an authority is. */
public enum AuthorityKind {
    DISTRICT, BOROUGH, COUNTY, UNITARY, METROPOLITAN_BOROUGH, LONDON_BOROUGH, SCOTTISH_COUNCIL, WELSH_COUNCIL,
    NORTHERN_IRELAND_COUNCIL, OTHER_PUBLIC_BODY
}
