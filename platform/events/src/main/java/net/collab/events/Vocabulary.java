package net.collab.events;

/** The shared vocabulary of the domain (organization kinds, domains, target groups, categories…), used in contracts and code. */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** 组织类型 */
    public enum OrganizationKind {
        SOCIAL_ORGANIZATION, MASS_ORGANIZATION, COMMUNITY_ORGANIZATION, HUB_ORGANIZATION,
        VOLUNTEER_TEAM, GOVERNMENT_OFFICE, ENTERPRISE, ACADEMIC
    }

    /** Membership status of an organization in the network. */
    public enum OrganizationStatus {
        APPLIED, APPROVED, REJECTED, SUSPENDED
    }

    public enum MemberRole {
        ORG_ADMIN, ORG_MEMBER
    }

    /** 需求 / 资源 categories. */
    public enum ResourceCategory {
        SUPPLIES, SERVICE, PEOPLE, FUNDS, VENUE, TECHNOLOGY
    }

    public enum Urgency {
        LOW, NORMAL, HIGH, CRITICAL
    }

    /** The levels of China's administrative divisions; a code's length gives its level (2, 4, 6, 9, 12 digits). */
    public enum AreaLevel {
        PROVINCE, CITY, DISTRICT, STREET, COMMUNITY;

        public static AreaLevel ofCode(String code) {
            return switch (code.length()) {
                case 2 -> PROVINCE;
                case 4 -> CITY;
                case 6 -> DISTRICT;
                case 9 -> STREET;
                case 12 -> COMMUNITY;
                default -> throw new IllegalArgumentException("not a division code: " + code);
            };
        }

        /** The code of the parent of an area with this code, or null for a province. */
        public static String parentOf(String code) {
            return switch (code.length()) {
                case 4 -> code.substring(0, 2);
                case 6 -> code.substring(0, 4);
                case 9 -> code.substring(0, 6);
                case 12 -> code.substring(0, 9);
                default -> null;
            };
        }
    }

    /** The five colours of the community epidemic-management system. */
    public enum RiskLevel {
        HIGH, RELATIVELY_HIGH, MEDIUM, LOW, GENERAL
    }

    /** 服务领域 */
    public enum ServiceDomain {
        ELDERLY_CARE("养老"), HEALTH("卫生健康"), EDUCATION("教育"), DISABILITY_SUPPORT("助残"),
        PSYCHOLOGICAL_COUNSELLING("心理疏导"), DISPUTE_MEDIATION("纠纷调解"), DISASTER_RESCUE("防灾减灾/应急救援"),
        CULTURE_SPORTS("文体娱乐"), NEIGHBOURHOOD_MUTUAL_AID("邻里互助"), RESIDENT_INTEGRATION("居民融入"),
        RURAL_TECHNOLOGY("农村生产技术服务"), CHARITY("公益慈善"), CHILDREN_YOUTH("儿童青少年"), WOMEN("妇女"),
        LEGAL_AID("法律援助"), EMPLOYMENT("就业"), CULTURAL_HERITAGE("非遗传承"), EPIDEMIC_PREVENTION("疫情防控");

        public final String labelZh;

        ServiceDomain(String labelZh) {
            this.labelZh = labelZh;
        }
    }

    /** 服务对象 */
    public enum TargetGroup {
        ELDERLY("老年人"), ELDERLY_LIVING_ALONE("孤寡老人"), DISABLED("残疾人"), PATIENTS("病人"), MINORS("未成年人"),
        WOMEN("妇女"), CHILDREN("儿童"), UNEMPLOYED("失业人员"), MIGRANT_WORKERS("农民工"),
        PRISONERS_MINOR_CHILDREN("服刑人员未成年子女"), FAMILIES_IN_HARDSHIP("困难家庭"),
        SEVERE_MENTAL_DISORDERS("严重精神障碍患者"), AT_RISK_YOUTH("有不良行为青少年"),
        COMMUNITY_CORRECTIONS("社区矫正人员"), HOMELESS("流浪人员"), MEDICAL_WORKERS("医务人员");

        public final String labelZh;

        TargetGroup(String labelZh) {
            this.labelZh = labelZh;
        }
    }

    /** Where an action (行动) stands. */
    public enum ActionStatus {
        PLANNED("计划中"), ONGOING("进行中"), COMPLETED("已完成"), CANCELLED("已取消");

        public final String labelZh;

        ActionStatus(String labelZh) {
            this.labelZh = labelZh;
        }
    }

    /** Whom an advocacy post (倡导) speaks to: the public (公众倡导) or the sector (行业倡导). */
    public enum AdvocacyAudience {
        PUBLIC("公众倡导"), SECTOR("行业倡导");

        public final String labelZh;

        AdvocacyAudience(String labelZh) {
            this.labelZh = labelZh;
        }
    }

    /** What a ledger entry records: money or materials, coming in or going out. */
    public enum LedgerEntryKind {
        MONEY_RECEIVED("收到捐款", true, true), MONEY_DISBURSED("支出款项", true, false),
        MATERIALS_RECEIVED("收到物资", false, true), MATERIALS_DISTRIBUTED("发放物资", false, false);

        public final String labelZh;
        public final boolean money;
        public final boolean incoming;

        LedgerEntryKind(String labelZh, boolean money, boolean incoming) {
            this.labelZh = labelZh;
            this.money = money;
            this.incoming = incoming;
        }
    }

    /** 评估等级; most organizations have none, few reach 4A. */
    public enum EvaluationGrade {
        A1("1A"), A2("2A"), A3("3A"), A4("4A"), A5("5A");

        public final String label;

        EvaluationGrade(String label) {
            this.label = label;
        }

        /** Written as people write it: "4A". */
        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static EvaluationGrade of(String label) {
            for (EvaluationGrade grade : values()) {
                if (grade.label.equalsIgnoreCase(label) || grade.name().equals(label)) {
                    return grade;
                }
            }
            throw new IllegalArgumentException("evaluation grade must be one of 1A, 2A, 3A, 4A, 5A");
        }
    }
}
