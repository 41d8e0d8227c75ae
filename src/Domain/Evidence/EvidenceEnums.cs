namespace Sunshine.Domain.Evidence;

/// <summary>The job categories of e-commerce employment in the action plan (§三(四)).</summary>
public enum JobCategory
{
    MarketingAndPromotion,
    CustomerService,
    AfterSales,
    ShopBuilding,
    SoftwareDevelopment,
    VideoAndArt,
    CreativeDesign,
    WarehouseManagement,
    EcommerceLogistics,
    Packaging,
}

public enum HoursType
{
    FullTime,
    PartTime,

    /// <summary>Flexible or home-based work (灵活就业、居家就业).</summary>
    Flexible,
}

/// <summary>How an enterprise or entrepreneur helps a disabled household (利益联结方式).</summary>
public enum LinkType
{
    /// <summary>Supplies the household's products, or carries them in its online shop (产品代销).</summary>
    ProductSupply,

    /// <summary>Buys the household's products at a protective price (保护价收购).</summary>
    ProtectivePricePurchase,

    /// <summary>Buys production supplies on the household's behalf (代购生产资料).</summary>
    ProcurementOnBehalf,

    /// <summary>Pays fees and tickets on the household's behalf (代缴费用).</summary>
    FeesPaidOnBehalf,

    /// <summary>Employs a member of the household.</summary>
    Employment,
}

public enum AgreementStatus
{
    Active,
    Terminated,
}
