package net.collab.action.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Personal data of the person a need is for (e.g. an elderly person living alone). Never in a
 * public response, a log line or an event; encrypted at rest ({@link PersonalDataCipher});
 * {@link #toString()} says nothing on purpose.
 */
@Entity
@Table(name = "need_beneficiary")
public class Beneficiary extends PanacheEntityBase {

    @Id
    @Column(name = "need_id")
    public UUID needId;
    @Convert(converter = PersonalDataCipher.class)
    public String name;
    @Convert(converter = PersonalDataCipher.class)
    public String phone;
    @Convert(converter = PersonalDataCipher.class)
    public String address;

    @Override
    public String toString() {
        return "Beneficiary[personal data withheld]";
    }
}
